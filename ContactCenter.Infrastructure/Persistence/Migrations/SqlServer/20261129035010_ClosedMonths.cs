using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactCenter.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ClosedMonths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClosedMonths",
                columns: table => new
                {
                    Year = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<int>(type: "int", nullable: false),
                    From = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    To = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    KeptAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClosedMonths", x => new { x.Year, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "ClosedMonthFigures",
                columns: table => new
                {
                    Year = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<int>(type: "int", nullable: false),
                    ExecutorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DirectionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Received = table.Column<int>(type: "int", nullable: false),
                    RepeatAppeals = table.Column<int>(type: "int", nullable: false),
                    ClosedOnTime = table.Column<int>(type: "int", nullable: false),
                    ClosedLate = table.Column<int>(type: "int", nullable: false),
                    InWork = table.Column<int>(type: "int", nullable: false),
                    Overdue = table.Column<int>(type: "int", nullable: false),
                    UnderAdditionalControl = table.Column<int>(type: "int", nullable: false),
                    InSerPlans = table.Column<int>(type: "int", nullable: false),
                    Redirected = table.Column<int>(type: "int", nullable: false),
                    ResolutionTicks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClosedMonthFigures", x => new { x.Year, x.Month, x.ExecutorId });
                    table.ForeignKey(
                        name: "FK_ClosedMonthFigures_ClosedMonths_Year_Month",
                        columns: x => new { x.Year, x.Month },
                        principalTable: "ClosedMonths",
                        principalColumns: new[] { "Year", "Month" },
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClosedMonthFigures");

            migrationBuilder.DropTable(
                name: "ClosedMonths");
        }
    }
}
