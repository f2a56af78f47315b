using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactCenter.Infrastructure.Persistence.Migrations.Postgres
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
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    To = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    KeptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClosedMonths", x => new { x.Year, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "ClosedMonthFigures",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    ExecutorId = table.Column<Guid>(type: "uuid", nullable: false),
                    DirectionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Received = table.Column<int>(type: "integer", nullable: false),
                    RepeatAppeals = table.Column<int>(type: "integer", nullable: false),
                    ClosedOnTime = table.Column<int>(type: "integer", nullable: false),
                    ClosedLate = table.Column<int>(type: "integer", nullable: false),
                    InWork = table.Column<int>(type: "integer", nullable: false),
                    Overdue = table.Column<int>(type: "integer", nullable: false),
                    UnderAdditionalControl = table.Column<int>(type: "integer", nullable: false),
                    InSerPlans = table.Column<int>(type: "integer", nullable: false),
                    Redirected = table.Column<int>(type: "integer", nullable: false),
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
