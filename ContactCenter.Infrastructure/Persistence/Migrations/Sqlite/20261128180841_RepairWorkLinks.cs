using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactCenter.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RepairWorkLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AppealRepairLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RepairWorkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LinkedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LinkedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    LinkedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AppealId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppealRepairLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppealRepairLinks_Appeals_AppealId",
                        column: x => x.AppealId,
                        principalTable: "Appeals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AppealRepairLinks_RepairWorks_RepairWorkId",
                        column: x => x.RepairWorkId,
                        principalTable: "RepairWorks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AppealRepairLinks_AppealId_RepairWorkId",
                table: "AppealRepairLinks",
                columns: new[] { "AppealId", "RepairWorkId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AppealRepairLinks_RepairWorkId",
                table: "AppealRepairLinks",
                column: "RepairWorkId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppealRepairLinks");
        }
    }
}
